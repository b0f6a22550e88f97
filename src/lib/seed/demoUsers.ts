/** Demo accounts, created by the seed outside production only (documented in README). */
export const demoUsers = [
  { email: 'admin@example.com', name: 'Ada Admin', password: 'admin-demo-2025', roles: ['admin'] },
  { email: 'editor@example.com', name: 'Elif Editor', password: 'editor-demo-2025', roles: ['editor'] },
  {
    email: 'translator@example.com',
    languages: ['tr'],
    name: 'Tarık Translator',
    password: 'translator-demo-2025',
    roles: ['translator'],
  },
] as const
