// The shape of one contract method: request and reply schemas plus the roles allowed to call it.
import type { z } from 'zod';
import type { Role } from './roles';

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  /** What the method does, for readers of the contract. */
  readonly summary: string;
  readonly request: Req;
  readonly reply: Rep;
  readonly roles: readonly Role[];
}

export function defineMethod<Req extends z.ZodType, Rep extends z.ZodType>(
  spec: MethodSpec<Req, Rep>,
): MethodSpec<Req, Rep> {
  return spec;
}
