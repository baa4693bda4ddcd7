import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assessRisk } from '../../../../libs/domain/src/risk/assess-risk.js';
import type { Assessment } from '../../../../libs/domain/src/risk/assessment.js';
import { validateRiskFacts } from '../../../../libs/domain/src/risk/risk-facts.js';
import { riskFactsSchema } from '../../../../libs/domain/src/risk/risk-facts.schema.js';
import { validated } from '../common/invalid-input.exception.js';

const { $schema: _schema, $id: _id, ...openApiRiskFacts } = riskFactsSchema;

@ApiTags('risk')
@ApiBearerAuth()
@Controller('api/risk')
export class RiskController {
  /** A what-if: assesses RiskFacts without storing anything. */
  @Post('assess')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assess RiskFacts statelessly (ENISA severity + EDPB qualifiers); nothing is stored' })
  @ApiBody({ schema: openApiRiskFacts as object })
  assess(@Body() body: unknown): Assessment {
    return assessRisk(validated(validateRiskFacts, body));
  }
}
