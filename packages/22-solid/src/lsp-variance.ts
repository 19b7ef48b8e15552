/**
 * Where TypeScript's checker lets an LSP violation through: method parameters are compared bivariantly.
 * A subtype may demand MORE of its argument than the interface promised callers (a stronger
 * precondition), and `implements` still compiles. Declared as a function-typed property instead, the
 * parameter is checked contravariantly under `strictFunctionTypes`, and the same class is refused.
 */

export interface Upload {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface ImageUpload extends Upload {
  readonly width: number;
}

/** Method syntax: `upload(file)` — parameters bivariant, kept that way so arrays and DOM types stay usable. */
export interface Uploader {
  upload(file: Upload): string;
}

/** Property syntax: `upload: (file) => …` — checked soundly under strictFunctionTypes. */
export interface StrictUploader {
  readonly upload: (file: Upload) => string;
}

/** Compiles as an Uploader, yet needs `width`, which an Upload does not have. */
export class ThumbnailUploader implements Uploader {
  upload(file: ImageUpload): string {
    return `${file.name} (${file.width.toFixed(0)}px wide)`;
  }
}

/** Accepts what the interface promised. */
export class PlainUploader implements Uploader {
  upload(file: Upload): string {
    return `${file.name} (${file.bytes.length} bytes)`;
  }
}
