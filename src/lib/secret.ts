const DEV_SECRET = 'dev-only-secret-not-for-production-0123456789'

/** PAYLOAD_SECRET; production refuses to run without a strong one. */
export function payloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.PAYLOAD_SECRET
  const building = env.NEXT_PHASE === 'phase-production-build'
  if (env.NODE_ENV === 'production' && !building) {
    if (!secret || secret.length < 32 || secret === DEV_SECRET) {
      throw new Error(
        'PAYLOAD_SECRET must be set to a random string of at least 32 characters in production (e.g. `openssl rand -hex 32`).',
      )
    }
    return secret
  }
  return secret || DEV_SECRET
}
