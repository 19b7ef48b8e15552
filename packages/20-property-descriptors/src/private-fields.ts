/**
 * Private `#fields` are not properties: no descriptor, not in `Reflect.ownKeys`, not copied by a spread, and
 * no code outside the class body can name them. TypeScript's `private` is a compile-time check only: the
 * value is an ordinary, enumerable property at run time. Python's `__name` is in between: mangled to
 * `_Class__name`, still reachable.
 */
export class Wallet {
  #cents: number;

  constructor(cents: number) {
    this.#cents = cents;
  }

  get cents(): number {
    return this.#cents;
  }

  pay(cents: number): void {
    if (cents > this.#cents)
      throw new RangeError(`Wallet.pay: ${cents} exceeds the balance of ${this.#cents}`);
    this.#cents -= cents;
  }

  /** A brand check: `#cents in value` is true only for objects this class constructed (no duck typing). */
  static isWallet(value: unknown): value is Wallet {
    return typeof value === 'object' && value !== null && #cents in value;
  }
}

/** The same class with TypeScript's `private`: hidden from the type checker, visible to everything else. */
export class TsPrivateWallet {
  constructor(private cents: number) {}

  balance(): number {
    return this.cents;
  }
}

/** What reflection sees of an object: every own key (strings and symbols) and what JSON prints. */
export function visibleState(obj: object): { keys: string[]; json: string } {
  return { keys: Reflect.ownKeys(obj).map(String), json: JSON.stringify(obj) };
}

/**
 * Reads `cents` through a transparent Proxy. The getter runs with `this` set to the proxy, which has no
 * `#cents` slot, so it throws a TypeError: private fields and Proxies do not mix unless the handler
 * forwards reads with the target as receiver.
 */
export function readThroughProxy(wallet: Wallet, forwardToTarget: boolean): number {
  const handler: ProxyHandler<Wallet> = forwardToTarget
    ? { get: (target, key) => Reflect.get(target, key, target) }
    : {};
  return new Proxy(wallet, handler).cents;
}
