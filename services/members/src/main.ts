import { runServiceProcess } from '@convergences/service-runtime';
import { membersService } from './members.service';

runServiceProcess(membersService);
