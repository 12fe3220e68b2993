import { Field, InputType, ObjectType, type ClassType } from 'type-graphql';
import type { JurorRole } from '@certif/sessions-domain';
import { JurorRoleEnum } from './enums';

/**
 * A juror as the session manager names them, the same in `JurorInput` and in the `Juror` type:
 * a type-graphql mixin (no field or argument takes it: not in the schema). Inherited fields
 * print first, so the type puts its id before them.
 */
export function withJurorFields<Base extends ClassType>(base: Base) {
  @ObjectType()
  @InputType('JurorFieldsInput')
  class JurorFields extends base {
    @Field(() => String, { description: 'The `sub` of the juror’s token.' })
    userId!: string;

    @Field(() => String)
    name!: string;

    @Field(() => JurorRoleEnum)
    role!: JurorRole;
  }
  return JurorFields;
}
