import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { buildFilingDocument } from '../../../../libs/domain/src/filings/build-filing-document.js';
import type { FilingDocument, FilingInput } from '../../../../libs/domain/src/filings/filing-input.js';
import { Filing } from '../../../../libs/persistence/src/entities/filing.entity.js';
import { IncidentFactsVersion } from '../../../../libs/persistence/src/entities/incident-facts-version.entity.js';
import { Incident } from '../../../../libs/persistence/src/entities/incident.entity.js';
import { Organisation } from '../../../../libs/persistence/src/entities/organisation.entity.js';
import { loadRiskPicture } from '../../../../libs/persistence/src/risk/load-risk-picture.js';
import type { RenderDraftInput } from '../activities/filing.activities.js';

/** Gathers what a filing is made of — organisation, current facts, risk picture, earlier filing — and builds the document. */
@Injectable()
export class FilingComposer {
  async compose(manager: EntityManager, request: RenderDraftInput): Promise<{ document: FilingDocument; factsVersion: number }> {
    const incident = await manager.findOneByOrFail(Incident, { id: request.incidentId });
    const organisation = await manager.findOneByOrFail(Organisation, { id: request.organisationId });
    const { facts } = await manager.findOneByOrFail(IncidentFactsVersion, { incidentId: incident.id, version: incident.currentFactsVersion });
    const risk = await loadRiskPicture(manager, incident.id, incident.currentFactsVersion);
    let previous: FilingInput['previous'];
    if (request.supersedesId) {
      const earlier = await manager.findOneByOrFail(Filing, { id: request.supersedesId });
      const earlierFacts = await manager.findOneByOrFail(IncidentFactsVersion, { incidentId: incident.id, version: earlier.factsVersion });
      previous = {
        sequence: earlier.sequence,
        filedAt: earlier.filedAt!.toISOString(),
        reference: earlier.reference ?? undefined,
        factsVersion: earlier.factsVersion,
        facts: earlierFacts.facts,
      };
    }
    const input: FilingInput = {
      track: request.track,
      kind: request.kind,
      language: request.language,
      organisation: {
        legalName: organisation.legalName ?? organisation.name,
        orgNumber: organisation.orgNumber ?? undefined,
        postalAddress: organisation.postalAddress ?? undefined,
        contact: {
          name: organisation.contactName ?? undefined,
          email: organisation.contactEmail ?? undefined,
          phone: organisation.contactPhone ?? undefined,
          role: organisation.contactRole ?? undefined,
        },
        timeZone: organisation.timeZone,
      },
      incident: { reference: incident.reference, factsVersion: incident.currentFactsVersion, facts },
      risk: risk
        ? {
            computed: risk.computed,
            outcome: risk.outcome,
            override: risk.override ? { outcome: risk.override.outcome, justification: risk.override.justification } : undefined,
          }
        : null,
      preparedAt: request.preparedAt,
      deadline: request.deadline,
      informationToFollow: request.informationToFollow ?? undefined,
      delayReason: request.delayReason ?? undefined,
      recipient: request.recipient ?? undefined,
      previous,
      noBreachJustification: request.noBreachJustification ?? undefined,
    };
    return { document: buildFilingDocument(input), factsVersion: incident.currentFactsVersion };
  }
}
