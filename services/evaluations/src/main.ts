import { runServiceProcess } from '@convergences/service-runtime';
import { evaluationsService } from './evaluations.service';

runServiceProcess(evaluationsService);
