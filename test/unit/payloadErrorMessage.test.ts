import { describe, expect, it } from 'vitest'

import { payloadErrorMessage } from '../../src/plugin/admin/payloadErrorMessage'
import { badRequest } from '../../src/plugin/collections/posts/endpoints/params'

describe('payloadErrorMessage', () => {
  it("takes a validation error's field message, not its summary", async () => {
    const body = await badRequest('language', 'Choose one of en, tr.').json()
    expect(body.errors[0].message).toBe('The following field is invalid: language')
    expect(payloadErrorMessage(body, 'Import failed')).toBe('Choose one of en, tr.')
  })

  it("takes the first error's message when it names no field", () => {
    const body = { errors: [{ message: 'You are not allowed to perform this action.' }, { message: 'second' }] }
    expect(payloadErrorMessage(body, 'Import failed')).toBe('You are not allowed to perform this action.')
  })

  it.each([null, undefined, {}, { errors: [] }, 'Bad Gateway'])('falls back when the body holds no error (%j)', (body) => {
    expect(payloadErrorMessage(body, 'Import failed (502)')).toBe('Import failed (502)')
  })
})
