/** Sample classes the demo and the tests copy: one with public state and a method, one with a #private field. */

/** Public fields and a method: what a copy must keep to still be an Account. */
export class Account {
  constructor(
    public owner: string,
    public balance: number,
  ) {}
  deposit(amount: number): number {
    this.balance += amount;
    return this.balance;
  }
}

/** A #private field: invisible to every generic copier. */
export class Vault {
  #secret: string;
  constructor(secret: string) {
    this.#secret = secret;
  }
  reveal(): string {
    return this.#secret;
  }
}
