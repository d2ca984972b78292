// Passwords an attacker tries first. zxcvbn's list is English-centric, so ours adds what Chinese users pick most
// (leaked-list favourites, 520/1314 love numbers, pinyin) and our own brand words, which phishers use in sprays.
export const CHINESE_CONTEXT_PASSWORDS = [
  "123456", "123456789", "12345678", "1234567890", "111111", "000000", "00000000", "11111111", "88888888",
  "66666666", "888888", "666666", "168168", "518518", "123123", "123321", "654321", "112233", "147258",
  "147258369", "159357", "159753", "5201314", "1314520", "5211314", "13145200", "520520", "7758521", "7758258",
  "woaini", "woaini1314", "woaini520", "woaiwojia", "woshishui", "nihao", "nihao123", "iloveyou", "password",
  "qq123456", "qq123", "a123456", "a123456789", "aa123456", "abc123", "abc123456", "abcd1234", "a1b2c3", "asd123",
  "1qaz2wsx", "zaq12wsx", "1q2w3e4r", "1q2w3e", "q1w2e3r4", "qaz123", "qwe123", "123qwe", "1234qwer", "qwerty",
  "qwerty123", "qwertyuiop", "zxcvbnm", "asdfghjkl", "asdasd", "qweqwe", "aaaaaa", "admin", "admin123",
  "alipay", "zhifubao", "weixin", "wechat", "taobao", "baidu", "qianbao", "qianneng", "qiannengqianbao",
  "qianneng123", "qn123456", "钱能", "钱能钱包", "我爱你", "我爱你一生一世",
];

/** Common passwords with at most this many digits/symbols around them are still common ("Password123!"). */
const MAX_AFFIX = 6;
/** Only this many of zxcvbn's most-used passwords block their variants; rarer ones are left to the score. */
const VARIANT_RANK_LIMIT = 10_000;
/** Shorter cores are too often part of a good password; two Han characters already make a word. */
const MIN_CORE = 4;
const MIN_HAN_CORE = 2;
const HAN = /\p{Script=Han}/u;

const LEET: Record<string, string> = { "@": "a", "4": "a", "0": "o", "3": "e", $: "s", "5": "s", "7": "t", "1": "i", "!": "i" };
const LEET_L: Record<string, string> = { ...LEET, "1": "l", "!": "l" };
const AFFIXES = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/su;

export type CommonPasswordTest = (lowered: string) => boolean;

/** Builds the test from zxcvbn's ranked password list (most used first); `lowered` is NFKC and lower case. */
export function createCommonPasswordTest(zxcvbnPasswords: readonly string[]): CommonPasswordTest {
  const rank = new Map<string, number>();
  zxcvbnPasswords.forEach((word, i) => rank.set(word, i + 1));
  for (const word of CHINESE_CONTEXT_PASSWORDS) rank.set(word, 0);
  const isTopRanked = (word: string) => (rank.get(word) ?? Infinity) <= VARIANT_RANK_LIMIT;

  return (lowered) => {
    if (rank.has(lowered)) return true;
    return variantsOf(lowered).some(isTopRanked);
  };
}

/** The word inside trivial decorations: digits/symbols stripped from both ends, and l33t undone. */
function variantsOf(lowered: string): string[] {
  const [, prefix, core, suffix] = AFFIXES.exec(lowered) ?? [];
  if (!core || prefix.length + suffix.length > MAX_AFFIX) return [];
  if (core.length < (HAN.test(core) ? MIN_HAN_CORE : MIN_CORE)) return [];
  const unleet = (table: Record<string, string>) => Array.from(core, (c) => table[c] ?? c).join("");
  return [core, unleet(LEET), unleet(LEET_L)].filter((w) => w !== lowered);
}
