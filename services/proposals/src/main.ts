import { runServiceProcess } from '@convergences/service-runtime';
import { proposalsService } from './proposals.service';

runServiceProcess(proposalsService);
