/** The patterns of this topic: the classic object-oriented form beside the form TypeScript code uses. */
export interface PatternRow {
  pattern: string;
  classic: string;
  typescript: string;
  file: string;
}

export const PATTERNS: readonly PatternRow[] = [
  {
    pattern: 'Factory',
    classic: 'Creator class hierarchy, factoryMethod()',
    typescript: 'a record of maker functions, looked up by key',
    file: 'src/factory.ts',
  },
  {
    pattern: 'Builder',
    classic: 'mutable Builder class, director',
    typescript: 'an options object with defaults; an immutable fluent builder for step-by-step SQL',
    file: 'src/builder.ts',
  },
  {
    pattern: 'Singleton',
    classic: 'private constructor + static getInstance()',
    typescript: 'a module-level const (one per module instance)',
    file: 'src/singleton.ts',
  },
  {
    pattern: 'Adapter',
    classic: 'class implementing Target, wrapping Adaptee',
    typescript: 'a function returning the interface, closing over the client',
    file: 'src/adapter.ts',
  },
  {
    pattern: 'Facade',
    classic: 'class with references to subsystems',
    typescript: 'a function over injected subsystems, returning the one call',
    file: 'src/facade.ts',
  },
  {
    pattern: 'Decorator',
    classic: 'abstract Decorator class per concern',
    typescript: 'a function: same function type in and out',
    file: 'src/decorator.ts',
  },
  {
    pattern: 'Strategy',
    classic: 'Strategy interface + one class each',
    typescript: 'a function type; strategies are functions',
    file: 'src/strategy.ts',
  },
  {
    pattern: 'Observer',
    classic: 'Subject/Observer interfaces, attach/notify',
    typescript: 'a typed event bus (or EventEmitter)',
    file: 'src/event-bus.ts',
  },
  {
    pattern: 'Iterator',
    classic: 'class with hasNext()/next()',
    typescript: 'a generator (function*, async function*)',
    file: 'src/iterator.ts',
  },
];
