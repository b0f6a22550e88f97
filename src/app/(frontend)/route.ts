import { defaultLanguage } from '@/lib/site/languages'

/** `/` → the default language's home (temporary, so the default can change later). */
export function GET(): Response {
  return new Response(null, { headers: { Location: `/${defaultLanguage}` }, status: 307 })
}
