import path from 'node:path'

export interface DirectoryStat {
  gid: number
  mode: number
  uid: number
}

/** A system user as the kernel checks it: user id and every group it is in. */
export interface Account {
  gids: number[]
  uid: number
}

function canEnter(stat: DirectoryStat, account: Account): boolean {
  if (account.uid === 0) return true
  if (stat.uid === account.uid) return (stat.mode & 0o100) !== 0
  if (account.gids.includes(stat.gid)) return (stat.mode & 0o010) !== 0
  return (stat.mode & 0o001) !== 0
}

/**
 * The first directory on the way from the file-system root to `target` (included) that
 * `account` may not enter (no search permission), or undefined when it reaches `target`.
 * `statOf` answers undefined for a directory that does not exist: the walk stops there.
 */
export function firstDeniedDirectory(
  target: string,
  account: Account,
  statOf: (dir: string) => DirectoryStat | undefined,
): string | undefined {
  const absolute = path.resolve(target)
  let dir = path.parse(absolute).root
  const steps = [dir, ...absolute.slice(dir.length).split(path.sep).filter(Boolean).map((part) => (dir = path.join(dir, part)))]
  for (const step of steps) {
    const stat = statOf(step)
    if (!stat) return undefined
    if (!canEnter(stat, account)) return step
  }
  return undefined
}
