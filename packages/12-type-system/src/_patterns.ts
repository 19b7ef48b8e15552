// Deliberately simple: one @, something on both sides, a dot in the domain. Real validation sends a mail.
// Shared by the brand, the zod schema and the hand-written guard, so the three accept the same strings.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
