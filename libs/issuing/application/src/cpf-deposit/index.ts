export * from './cpf-ports';
export * from './export-cpf.service';
export * from './import-cpf-report.service';
export * from './cpf-deposits.service';
