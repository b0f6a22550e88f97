import { describe, expect, it } from 'vitest'

import { malformedPathProblem, malformedPathResponse } from '../../src/lib/server/malformedPath'

describe('malformedPathProblem', () => {
  it.each(['/en/%00', '/tr/%00', '/en/a%00b', '/en/authors/%00', '/api/posts/%01', '/en/%7F'])('%s has a control character', (path) => {
    expect(malformedPathProblem(path)).toBe('it contains a control character (such as %00)')
  })

  it.each(['/en/%E0%A4', '/%E0%A4', '/en/%', '/en/%zz', '/en/%C3'])('%s is not UTF-8', (path) => {
    expect(malformedPathProblem(path)).toBe('it contains a percent-encoded sequence that is not valid UTF-8')
  })

  it.each(['/', '/en', '/tr/t%C3%BCrkiye-ve-kafkasya', '/en/search', '/tr/%C4%B0stanbul', '/en/a%20b'])('%s is fine', (path) => {
    expect(malformedPathProblem(path)).toBeUndefined()
  })

  it('answers JSON under /api and a page elsewhere, both 400', async () => {
    const api = malformedPathResponse('/api/posts/%00', 'it contains a control character (such as %00)')
    expect(api.status).toBe(400)
    expect((await api.json()).errors[0].message).toBe('Bad request: the address cannot be read because it contains a control character (such as %00).')
    const page = malformedPathResponse('/en/%00', 'x')
    expect(page.status).toBe(400)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('<title>Bad request</title>')
  })
})
