import type { Media } from '@/payload-types'

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .filter((letter) => /\p{Lu}/u.test(letter))
    .slice(0, 2)
    .join('')

/** The author's photo at a fixed size (no layout shift), or their initials when there is none. */
export function AuthorAvatar({ name, photo, size = 88 }: { name: string; photo: Media | null; size?: number }) {
  const src = photo?.sizes?.thumbnail?.url || photo?.url
  if (photo && src) {
    return (
      <img
        alt=""
        className="avatar"
        decoding="async"
        height={size}
        loading="lazy"
        src={src}
        style={{ height: size, width: size }}
        width={size}
      />
    )
  }
  return (
    <span aria-hidden="true" className="avatar avatar--initials" style={{ height: size, width: size }}>
      {initials(name)}
    </span>
  )
}
