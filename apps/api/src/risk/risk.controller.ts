import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assessRisk } from '../../../../libs/domain/src/risk/assess-risk.js';
import type { Assessment } from '../../../../libs/domain/src/risk/assessment.js';
import { validateRiskFacts } from '../../../../libs/domain/src/risk/risk-facts.js';
import { riskFactsSchema } from '../../../../libs/domain/src/risk/risk-facts.schema.js';
import { Public } from '../auth/auth.decorators.js';
import { validated } from '../common/validated.js';
import { AnswersWithoutServices } from '../openapi/answers-without-services.decorator.js';

const { $schema: _schema, $id: _id, ...openApiRiskFacts } = riskFactsSchema;

@ApiTags('risk')
@ApiBearerAuth()
@Controller('api/risk')
export class RiskController {
  /** A what-if: assesses RiskFacts without storing anything. */
  @Post('assess')
  @HttpCode(200)
  @AnswersWithoutServices()
  @ApiOperation({ summary: 'Assess RiskFacts statelessly (ENISA severity + EDPB qualifiers); nothing is stored' })
  @ApiBody({ schema: openApiRiskFacts as object })
  assess(@Body() body: unknown): Assessment {
    return assessRisk(validated(validateRiskFacts, body));
  }

  /** The contract of the facts the model reads, for forms and other systems. */
  @Public()
  @Get('facts-schema')
  @AnswersWithoutServices()
  @ApiOperation({ summary: 'The RiskFacts JSON Schema (draft 2020-12) the assessment reads' })
  factsSchema(): object {
    return riskFactsSchema;
  }
}
