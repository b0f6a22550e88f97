/**
 * Wraps the GraphQL route so a POST body that is not a JSON object (`not json`, an empty body,
 * `[]`) is a 400 saying what to send; Payload's handler throws on it and Next answers 500.
 * Bodies of other content types are left to the handler (it answers 415 itself).
 */
export function refuseMalformedGraphQLBody(handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const type = request.headers.get('content-type') ?? ''
    if (request.method === 'POST' && (type === '' || /\bjson\b/i.test(type))) {
      const problem = bodyProblem(await request.clone().text())
      if (problem) {
        return Response.json(
          { errors: [{ message: `The request body ${problem}. Send a JSON object: {"query": "…", "variables": {…}}.` }] },
          { status: 400 },
        )
      }
    }
    return handler(request)
  }
}

/** Why `text` is not a GraphQL request body, or undefined when it is a JSON object. */
export function bodyProblem(text: string): string | undefined {
  if (text.trim() === '') return 'is empty'
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return 'is not valid JSON'
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'is JSON but not an object'
  return undefined
}
