import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InvalidInputError } from '../../../../libs/domain/src/failures.js';
import { APP_CONFIG, type AppConfig } from '../../../../libs/platform/src/config.js';
import { AesGcmPayloadCodec } from '../../../../libs/platform/src/payload-codec.js';
import { payloadKeysOf } from '../../../../libs/platform/src/payload-keys.js';
import { Roles, WithoutSideEffects } from '../auth/auth.decorators.js';
import { AnswersWithoutServices } from '../openapi/answers-without-services.decorator.js';
import { checkNamespace, codecRequestSchema, jsonPayloadOf, payloadsOf } from './codec-request.js';

/**
 * The codec server of the Temporal Web UI: the UI sends the payloads of a history it shows and
 * gets them back decrypted, so an operator reads an incident's history while the payload keys
 * never leave the server. Only the DPO and admins may read (or encode) through it.
 */
@ApiTags('temporal')
@ApiBearerAuth()
@Controller('api/temporal-codec')
@Roles('admin', 'dpo')
@WithoutSideEffects()
@AnswersWithoutServices()
export class CodecServerController {
  private readonly codec: AesGcmPayloadCodec;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // What the server stores unencrypted (Core's markers, headers) is shown as it is; it is no secret to the UI.
    this.codec = new AesGcmPayloadCodec(payloadKeysOf(config), { unencrypted: 'pass-through' });
  }

  @Post('decode')
  @HttpCode(200)
  @ApiOperation({ summary: "Decrypt a Temporal history's payloads for the Web UI (admin or DPO)" })
  @ApiHeader({ name: 'X-Namespace', required: false, description: 'The Temporal namespace the payloads come from (the UI sends it)' })
  @ApiBody({ schema: codecRequestSchema as object })
  async decode(@Body() body: unknown, @Headers('x-namespace') namespace: string | undefined) {
    checkNamespace(namespace, this.config.TEMPORAL_NAMESPACE);
    const payloads = payloadsOf(body);
    const decoded = await Promise.all(
      payloads.map(async (payload, index) => {
        try {
          return (await this.codec.decode([payload]))[0]!;
        } catch (error) {
          throw new InvalidInputError([{ field: `payloads[${index}]`, message: `cannot be decrypted: ${(error as Error).message}` }]);
        }
      }),
    );
    return { payloads: decoded.map(jsonPayloadOf) };
  }

  @Post('encode')
  @HttpCode(200)
  @ApiOperation({ summary: 'Encrypt payloads the Web UI sends to Temporal (admin or DPO)' })
  @ApiHeader({ name: 'X-Namespace', required: false, description: 'The Temporal namespace the payloads go to (the UI sends it)' })
  @ApiBody({ schema: codecRequestSchema as object })
  async encode(@Body() body: unknown, @Headers('x-namespace') namespace: string | undefined) {
    checkNamespace(namespace, this.config.TEMPORAL_NAMESPACE);
    return { payloads: (await this.codec.encode(payloadsOf(body))).map(jsonPayloadOf) };
  }
}
