import { unstorableText } from '@lab/common/text';

/**
 * Text that must be refused at the boundary. PostgreSQL's text and jsonb cannot hold U+0000 (SQLSTATE
 * 22021 / 22P05: a 500 if it gets that far), and a lone UTF-16 surrogate is not Unicode at all: it turns
 * into U+FFFD or an error depending on which layer encodes it.
 */

/** True when `text` holds U+0000 or an unpaired surrogate. */
export const hasBadText = (text: string): boolean => unstorableText(text) !== undefined;
