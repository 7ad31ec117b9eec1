//

export * from '../models/Currency.model';
export * from '../models/ErrorError.model';
export * from '../models/ErrorRequest.model';
export * from '../models/ErrorResponse.model';
export * from '../models/Health.model';
export * from '../models/ModelError.model';
export * from '../models/Settings.model';
