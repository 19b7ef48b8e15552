/**
 * Structural typing: every TypeScript interface behaves like a Python `Protocol`. A value fits when it has
 * the members, whatever class made it; nothing has to say `implements` (that keyword only asks the
 * compiler to check the class early).
 */

/** Python: `class Drawable(Protocol): def draw(self) -> str: ...` */
export interface Drawable {
  draw(): string;
}

/** Renders anything that can draw itself. */
export function render(items: readonly Drawable[]): string[] {
  return items.map((item) => item.draw());
}

// Neither class mentions Drawable; both are accepted by render() because of their shape.
export class Square {
  constructor(readonly side: number) {}
  draw(): string {
    return `square ${this.side}×${this.side}`;
  }
}

export class Banner {
  constructor(readonly text: string) {}
  draw(): string {
    return `[ ${this.text} ]`;
  }
}

/** A plain object literal fits too: there is no class at all. */
export const dot: Drawable = { draw: () => '·' };

/** Python's `SupportsClose`-style protocol with an optional member (a Protocol cannot say "maybe"). */
export interface Closable {
  close(): void;
  readonly name?: string;
}

/** Closes each resource once, in reverse order of opening; returns what it closed, by name. */
export function closeAll(resources: readonly Closable[]): string[] {
  const closed: string[] = [];
  for (const resource of [...resources].reverse()) {
    resource.close();
    closed.push(resource.name ?? '(unnamed)');
  }
  return closed;
}

/**
 * Two interfaces with the same members are the same type: a `Celsius` is assignable to a `Fahrenheit`.
 * That is the price of structural typing, and the reason branded types exist (see brands.ts).
 */
export interface Celsius {
  degrees: number;
}
export interface Fahrenheit {
  degrees: number;
}

/** Accepts a Celsius reading, and (by structure) a Fahrenheit one as well: the compiler cannot tell them apart. */
export function toKelvin(reading: Celsius): number {
  return reading.degrees + 273.15;
}
