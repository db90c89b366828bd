import type { ParsedRequestOf, VerificationCheck } from '@convergences/contracts';
import type { CallContext } from '@convergences/messaging';
import { ancestorsOf } from '../territory/territories';
import type { VerificationDeps } from './grant-verification';
import { territoriesCovering } from './verification.policy';
import { findValid } from './verification.repository';

/**
 * Whether the person holds a valid verification of that kind for the territory, for a territory
 * containing it, or for every territory. The parents come from the caller when it gives them
 * (processes does), otherwise from `processes`; an unknown territory is a 400 on `territoryId`.
 */
export async function checkVerification(
  deps: VerificationDeps,
  context: CallContext,
  request: ParsedRequestOf<'members.verification.check'>,
): Promise<VerificationCheck> {
  const ancestorIds = request.territoryAncestorIds ?? (await ancestorsOf(deps.services, context, request.territoryId));
  const valid = await findValid(
    deps.db,
    request.personId,
    request.kind,
    territoriesCovering(request.territoryId, ancestorIds),
  );
  return {
    verified: !!valid,
    verificationId: valid?.id ?? null,
    expiresAt: valid?.expires_at?.toISOString() ?? null,
  };
}
