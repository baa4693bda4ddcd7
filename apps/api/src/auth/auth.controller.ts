import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SignIn } from '../../../../libs/application/src/auth/sign-in.js';
import { validated } from '../common/validated.js';
import { Public } from './auth.decorators.js';
import { loginSchema, validateLogin } from './login.request.js';
import { ApiErrorResponse } from '../openapi/error-body.schema.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(SignIn) private readonly signIn: SignIn) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer token' })
  @ApiBody({ schema: loginSchema as object })
  @ApiResponse({ status: 200, description: 'the bearer token and who it belongs to' })
  @ApiErrorResponse(401, 'the e-mail and password do not match a user')
  login(@Body() body: unknown) {
    const { email, password } = validated(validateLogin, body);
    return this.signIn.execute(email, password);
  }
}
