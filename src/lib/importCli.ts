import type { Payload } from 'payload'

/** `npm run import -- --lang en path/to/article.txt` (implemented with the importer). */
export async function runImportCli(_payload: Payload, args: string[]): Promise<number> {
  console.error(`The article importer is not available yet (args: ${args.join(' ')}).`)
  return 1
}
