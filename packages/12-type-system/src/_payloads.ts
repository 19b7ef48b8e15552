/** The sign-up bodies the bench, the demo and the practice items validate: one valid, one with two errors. */
export const validSignup = () => ({
  name: 'Ada Lovelace',
  age: 36,
  email: 'ada@example.com',
  role: 'admin',
  tags: ['math', 'engines', 'poetry'],
});

/** Two problems a client really sends: a number as text, and a number among strings. */
export const invalidSignup = () => ({ ...validSignup(), age: '36', tags: ['math', 7] });
