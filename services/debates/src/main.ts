import { runServiceProcess } from '@convergences/service-runtime';
import { debatesService } from './debates.service';

runServiceProcess(debatesService);
