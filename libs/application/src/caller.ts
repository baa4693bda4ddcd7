import type { CaseFile } from '../../persistence/src/case-file.js';
import type { Role } from '../../domain/src/roles.js';
import type { Actor } from '../../domain/src/tracks/filing-track-commands.js';

/** Who asks a use-case to act: a signed-in person of one organisation. */
export interface Caller {
  id: string;
  organisationId: string;
  role: Role;
}

/** The caller as the workflows' rules know an actor. */
export const actorOf = (caller: Caller): Actor => ({ userId: caller.id, role: caller.role });

/** The caller as an actor with the designations the organisation gave them (Lex Maria's reporters). */
export async function designatedActorOf(caseFile: CaseFile, caller: Caller): Promise<Actor> {
  const organisation = await caseFile.read.organisations.get(caller.organisationId);
  return { ...actorOf(caller), ...(organisation.lexMariaReporters.includes(caller.id) && { designatedReporterFor: ['lex-maria'] }) };
}
