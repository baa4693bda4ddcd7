import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { SignIn } from '../../../../libs/application/src/auth/sign-in.js';
import { SetPassword } from '../../../../libs/application/src/users/set-password.js';
import { setPasswordSchema, validateSetPassword } from '../users/user-requests.js';
import { validated } from '../common/validated.js';
import { Public } from './auth.decorators.js';
import { loginSchema, validateLogin } from './login.request.js';
import { ApiErrorResponse } from '../openapi/error-body.schema.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(SignIn) private readonly signIn: SignIn,
    @Inject(SetPassword) private readonly setPassword: SetPassword,
  ) {}

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

  /** Open to anyone holding a valid one-time link: an invitation, or the first admin's link. */
  @Public()
  @Post('set-password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a password with a one-time link (at least 12 characters, not a common one); the link is then spent' })
  @ApiBody({ schema: setPasswordSchema as object })
  @ApiResponse({ status: 200, description: 'the password is set: sign in with it' })
  async choosePassword(@Body() body: unknown) {
    const { token, password } = validated(validateSetPassword, body);
    const { email } = await this.setPassword.execute(token, password);
    return { email };
  }
}
