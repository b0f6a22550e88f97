import type { ShareNetwork } from './types'

/** Names of the share targets: brand names stay as they are; only e-mail is translated. */
export const networkNames = (email: string): Record<ShareNetwork, string> => ({
  email,
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  telegram: 'Telegram',
  whatsapp: 'WhatsApp',
  x: 'X',
})
