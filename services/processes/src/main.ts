import { runServiceProcess } from '@convergences/service-runtime';
import { processesService } from './processes.service';

runServiceProcess(processesService);
