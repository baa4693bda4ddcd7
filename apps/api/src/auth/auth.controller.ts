import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignIn } from '../../../../libs/application/src/auth/sign-in.js';
import { validated } from '../common/validated.js';
import { Public } from './auth.decorators.js';
import { loginSchema, validateLogin } from './login.request.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(SignIn) private readonly signIn: SignIn) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer token' })
  @ApiBody({ schema: loginSchema as object })
  login(@Body() body: unknown) {
    const { email, password } = validated(validateLogin, body);
    return this.signIn.execute(email, password);
  }
}
