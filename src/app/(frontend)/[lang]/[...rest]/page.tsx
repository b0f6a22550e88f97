import { notFound } from 'next/navigation'

/** Any deeper unknown path (`/en/a/b`) gets the site's localized 404 page. */
export default function CatchAll(): never {
  notFound()
}
