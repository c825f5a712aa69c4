import { createGuard } from '@llmguard/core';

void createGuard;
process.stdout.write('llmguard: not implemented yet\n');
