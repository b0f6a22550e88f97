import { describe, expect, it } from 'vitest'

import { type DirectoryStat, firstDeniedDirectory } from '../../src/lib/database/directoryAccess'

const ROOT = 0
const POSTGRES = { gids: [104, 103], uid: 101 }

const tree = (dirs: Record<string, DirectoryStat>) => (dir: string) => dirs[dir]
const dir = (mode: number, uid = ROOT, gid = ROOT): DirectoryStat => ({ gid, mode: 0o040000 | mode, uid })

describe('firstDeniedDirectory', () => {
  const open = { '/': dir(0o755), '/work': dir(0o755), '/work/app': dir(0o755), '/work/app/.data': dir(0o755) }

  it('lets a user through directories that others may enter', () => {
    expect(firstDeniedDirectory('/work/app/.data', POSTGRES, tree(open))).toBeUndefined()
  })

  it('names the first directory on the way that only its owner may enter (mktemp -d)', () => {
    const statOf = tree({ ...open, '/tmp': dir(0o1777), '/tmp/tmp.abc': dir(0o700), '/tmp/tmp.abc/app': dir(0o755) })
    expect(firstDeniedDirectory('/tmp/tmp.abc/app/.data', POSTGRES, statOf)).toBe('/tmp/tmp.abc')
    expect(firstDeniedDirectory('/tmp/tmp.abc', POSTGRES, statOf)).toBe('/tmp/tmp.abc')
    expect(firstDeniedDirectory('/tmp', POSTGRES, statOf)).toBeUndefined()
  })

  it('uses the owner, then the group, then the others bits, as the kernel does', () => {
    const owned = tree({ '/': dir(0o755), '/d': dir(0o700, 101, 999) })
    expect(firstDeniedDirectory('/d', POSTGRES, owned)).toBeUndefined()
    // The owner bits decide for the owner, even when the others may enter.
    expect(firstDeniedDirectory('/d', POSTGRES, tree({ '/': dir(0o755), '/d': dir(0o071, 101, 104) }))).toBe('/d')
    expect(firstDeniedDirectory('/d', POSTGRES, tree({ '/': dir(0o755), '/d': dir(0o710, ROOT, 103) }))).toBeUndefined()
    expect(firstDeniedDirectory('/d', POSTGRES, tree({ '/': dir(0o755), '/d': dir(0o701, ROOT, 103) }))).toBe('/d')
    expect(firstDeniedDirectory('/d', POSTGRES, tree({ '/': dir(0o755), '/d': dir(0o711) }))).toBeUndefined()
    // Read without search is not enough to pass through.
    expect(firstDeniedDirectory('/d', POSTGRES, tree({ '/': dir(0o755), '/d': dir(0o744) }))).toBe('/d')
  })

  it('stops at a directory that does not exist yet (it will be created for the server)', () => {
    expect(firstDeniedDirectory('/work/app/.data/new/deeper', POSTGRES, tree(open))).toBeUndefined()
  })

  it('lets root through anything, and judges a user not created yet by the others bits', () => {
    const statOf = tree({ '/': dir(0o755), '/private': dir(0o700) })
    expect(firstDeniedDirectory('/private', { gids: [0], uid: ROOT }, statOf)).toBeUndefined()
    expect(firstDeniedDirectory('/private', { gids: [], uid: -1 }, statOf)).toBe('/private')
  })
})
