import { listSitemapPosts } from './src/lib/site/sitemapData'
import { postEntries } from './src/lib/site/sitemapEntries'
import { urlsetXml } from './src/lib/site/sitemapXml'
const before = process.memoryUsage().heapUsed
const t0 = performance.now()
const posts = await listSitemapPosts(50_000, 10_000)
const t1 = performance.now()
const xml = urlsetXml(postEntries(posts))
console.log('posts', posts.length, Math.round(t1 - t0), 'ms query;', Math.round(performance.now() - t1), 'ms xml', xml.length, 'B; heap +', Math.round((process.memoryUsage().heapUsed - before) / 1e6), 'MB; json', JSON.stringify(posts).length)
process.exit(0)
