/**
 * Text that must be refused at the boundary. PostgreSQL's text and jsonb cannot hold U+0000 (SQLSTATE
 * 22021 / 22P05: a 500 if it gets that far), and a lone UTF-16 surrogate is not Unicode at all: it turns
 * into U+FFFD or an error depending on which layer encodes it.
 */

// No `u` flag on purpose: with it, a regex sees code points and cannot match half a surrogate pair.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` holds U+0000 or an unpaired surrogate. */
export const hasBadText = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);
