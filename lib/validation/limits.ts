export { IDENTIFIER_MAX_LENGTH } from "@/lib/identifier/normalize-identifier";
export const PASSWORD_MAX_LENGTH = 1024;
