export {
  assertValidKey,
  type BlobReader,
  type BlobStore,
  type BlobWriter,
  InvalidKeyError,
  MAX_KEY_LENGTH,
} from './blob-store.ts';
export { type ContractFailure, checkBlobStoreContract, contractChecks } from './contract.ts';
export {
  type Invoice,
  InvoiceService,
  type InvoiceServiceDeps,
  InvoiceServiceWithHiddenDeps,
  type WallClock,
} from './dip.ts';
export {
  type FeeRule,
  type FeeSpec,
  feeBySwitch,
  feeRules,
  feeSpecs,
  MAX_KINDS,
  totalFeesBySwitch,
  totalFeesMegamorphic,
  totalFeesMonomorphic,
  totalFeesPolymorphic,
} from './dispatch.ts';
export { FileBlobStore } from './file-blob-store.ts';
export {
  CsvOnlyExporter,
  csvExporter,
  exportAll,
  jsonLinesExporter,
  type PdfExporter,
  type ReportExporter,
  type ReportRow,
  stubbedMethods,
  type TextExporter,
} from './isp.ts';
export {
  type ImageUpload,
  PlainUploader,
  type StrictUploader,
  ThumbnailUploader,
  type Upload,
  type Uploader,
} from './lsp-variance.ts';
export {
  CaseFoldingBlobStore,
  ReadOnlyBlobStore,
  SharedBufferBlobStore,
  UncheckedKeyBlobStore,
} from './lsp-violations.ts';
export { MemoryBlobStore } from './memory-blob-store.ts';
export {
  assertAmount,
  CardProvider,
  type Charge,
  CryptoProvider,
  chargeBySwitch,
  MAX_AMOUNT_CENTS,
  PaymentGateway,
  type PaymentProvider,
  PayPalProvider,
  UnsupportedMethodError,
} from './ocp.ts';
export { ReadOnlyArchive, totalBytes } from './read-only-archive.ts';
export {
  csvField,
  type Email,
  exportUsersCsv,
  InMemoryUserRepository,
  type Mailer,
  parseSignup,
  RecordingMailer,
  type Signup,
  type SignupResult,
  SignupService,
  type User,
  UserManager,
  type UserManagerOptions,
  type UserRepository,
  WelcomeMailer,
} from './srp.ts';
