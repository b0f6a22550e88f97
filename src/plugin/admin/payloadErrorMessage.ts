type PayloadErrorBody = { errors?: { data?: { errors?: { message?: string }[] }; message?: string }[] }

/**
 * The message of a Payload REST error body: its first field error's when there is one (a
 * validation error's own message only says which field), else the first error's, else `fallback`.
 */
export function payloadErrorMessage(body: unknown, fallback: string): string {
  const first = (body as null | PayloadErrorBody)?.errors?.[0]
  return first?.data?.errors?.[0]?.message ?? first?.message ?? fallback
}
