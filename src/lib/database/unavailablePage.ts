/** The "temporarily unavailable" page readers get for a page that is not in the cache while the database is down (src/lib/server/outagePages.ts). */
export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Temporarily unavailable</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}</style></head>
<body><main><h1>Temporarily unavailable</h1><p>The site cannot reach its database. Please try again in a few seconds.</p>
<p lang="tr">Site şu anda veritabanına ulaşamıyor. Lütfen birkaç saniye sonra yeniden deneyin.</p></main></body></html>`
