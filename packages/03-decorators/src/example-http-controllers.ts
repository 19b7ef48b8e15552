import { bound } from './bound.ts';
import { controller, get, post, RouteTable } from './routes.ts';

/** The app-wide route table the controllers below register into when this module is loaded. */
export const appRoutes = new RouteTable();

/** A controller in the FastAPI/NestJS style: the class decorator registers what the method decorators noted. */
@controller('/users', appRoutes)
export class UsersController {
  readonly #names = new Map<number, string>([[1, 'Ada']]);

  @get('/')
  list(): string[] {
    return [...this.#names.values()];
  }

  @get('/:id')
  show(id: number): string | undefined {
    return this.#names.get(id);
  }

  @post('/')
  @bound
  create(name: string): number {
    const id = this.#names.size + 1;
    this.#names.set(id, name);
    return id;
  }
}

/** Inherits its parent's routes through the metadata prototype chain and adds its own. */
@controller('/admin/users', appRoutes)
export class AdminUsersController extends UsersController {
  @post('/:id/ban')
  ban(id: number): string {
    return `banned ${id}`;
  }
}
