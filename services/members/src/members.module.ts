import { Module } from '@nestjs/common';
import { PersonHandlers } from './person/person.handlers';

@Module({ controllers: [PersonHandlers] })
export class MembersModule {}
