package lessons

import (
	"fmt"
	"strconv"
	"strings"
)

// messageTable maps a message key to its text in every language. Texts are
// fmt formats; a Japanese text may reorder its arguments with %[n]s. A
// test checks that every key has every language with the same verbs.
type messageTable map[string]map[Lang]string

// messages holds every text the checker, the validator and `learnkv
// lessons` print, merged from the tables of each concern.
var messages = mergeTables(formatMessages, checkMessages, validateMessages)

func mergeTables(tables ...messageTable) messageTable {
	out := messageTable{}
	for _, t := range tables {
		for k, v := range t {
			out[k] = v
		}
	}
	return out
}

// msgRef is a message used as an argument of another, translated into the
// same language when the outer message is.
type msgRef struct {
	key  string
	args []any
}

func ref(key string, args ...any) msgRef { return msgRef{key: key, args: args} }

// Translate returns the message key in lang, formatted with args. It falls
// back to English for a language the message lacks, and to the key itself
// for an unknown key.
func Translate(lang Lang, key string, args ...any) string {
	return tr(lang, key, args...)
}

// TranslateCount returns a counted message such as "3 problems": key's
// English text has a singular and a plural form separated by "|", and
// takes the count as its one argument.
func TranslateCount(lang Lang, key string, n int) string {
	return countOf(lang, key, float64(n))
}

func tr(lang Lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return strings.TrimSpace(key + " " + fmt.Sprint(args...))
	}
	format, ok := m[lang]
	if !ok {
		format = m[English]
	}
	out := make([]any, len(args))
	for i, a := range args {
		if r, ok := a.(msgRef); ok {
			a = tr(lang, r.key, r.args...)
		}
		out[i] = a
	}
	return fmt.Sprintf(format, out...)
}

// number formats a count or bound without needless decimals.
func number(x float64) string {
	if x == float64(int64(x)) {
		return strconv.FormatInt(int64(x), 10)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// countOf returns "3 partitions" (or "3 個") for a unit such as
// "count.partition": English forms are "singular|plural".
func countOf(lang Lang, unit string, x float64) string {
	m, ok := messages[unit]
	if !ok {
		return number(x)
	}
	format, ok := m[lang]
	if !ok {
		format = m[English]
	}
	forms := strings.Split(format, "|")
	if len(forms) == 2 && x != 1 {
		return fmt.Sprintf(forms[1], number(x))
	}
	return fmt.Sprintf(forms[0], number(x))
}

// formatMessages are the loader's messages.
var formatMessages = messageTable{
	"format.read": {
		English:  "cannot read the file: %s",
		Japanese: "ファイルを読めません：%s",
	},
	"format.utf8": {
		English:  "the file is not valid UTF-8",
		Japanese: "ファイルが正しい UTF-8 ではありません",
	},
	"format.keyspace_shared": {
		English:  "lessons %s and %s share keyspace %s: give each lesson its own two-digit number",
		Japanese: "レッスン %s と %s が同じキースペース %s を使っています。レッスンごとに別の 2 桁の番号を付けてください",
	},
	"format.fence_unclosed": {
		English:  "this code fence is never closed",
		Japanese: "このコードフェンスが閉じられていません",
	},
	"format.no_items": {
		English:  "the lesson has no steps or exercises: a level-1 heading ending in {step=ID} or {exercise=ID} starts one",
		Japanese: "レッスンにステップも演習もありません。{step=ID} または {exercise=ID} で終わるレベル 1 見出しで始めてください",
	},
	"format.text_before_items": {
		English:  "text before the first step or exercise: start with a heading such as \"# Title {step=ID}\"",
		Japanese: "最初のステップ・演習より前に本文があります。\"# タイトル {step=ID}\" のような見出しから始めてください",
	},
	"format.text_before_parts": {
		English:  "text between the heading of exercise %q and its first part: put it under \"## Task {task}\"",
		Japanese: "演習 %q の見出しと最初のパートの間に本文があります。\"## 課題 {task}\" の下に書いてください",
	},
	"format.item_tag": {
		English:  "the level-1 heading %q must end with {step=ID} or {exercise=ID}",
		Japanese: "レベル 1 見出し %q の末尾には {step=ID} または {exercise=ID} が必要です",
	},
	"format.item_id": {
		English:  "bad id %q: use lower-case letters, digits and single hyphens",
		Japanese: "ID %q は使えません。英小文字・数字・ハイフン（連続不可）で書いてください",
	},
	"format.item_title": {
		English:  "the heading of %q has no title before its {tag}",
		Japanese: "%q の見出しで、{タグ} の前にタイトルがありません",
	},
	"format.item_duplicate": {
		English:  "id %q is already used at line %d",
		Japanese: "ID %q は %d 行目ですでに使われています",
	},
	"format.part_in_step": {
		English:  "{%s} marks a part of an exercise, but %q is a step",
		Japanese: "{%s} は演習のパートを表しますが、%q はステップです",
	},
	"format.part_untagged": {
		English:  "the level-2 heading %q in an exercise must be a part: {task}, {setup}, {check}, {hint}, {solution} or {why}",
		Japanese: "演習の中のレベル 2 見出し %q はパートにしてください：{task}、{setup}、{check}、{hint}、{solution}、{why}",
	},
	"format.part_unknown": {
		English:  "unknown part {%s}: use {task}, {setup}, {check}, {hint}, {solution} or {why}",
		Japanese: "不明なパート {%s} です。{task}、{setup}、{check}、{hint}、{solution}、{why} のいずれかを使ってください",
	},
	"format.part_duplicate": {
		English:  "a second {%s} part (the first is at line %d)",
		Japanese: "{%s} パートが 2 つあります（1 つ目は %d 行目）",
	},
	"format.part_empty": {
		English:  "the {%s} part is empty",
		Japanese: "{%s} パートが空です",
	},
	"format.part_fence": {
		English:  "the {%s} part must be exactly one ```%s fence",
		Japanese: "{%s} パートには ```%s のコードフェンスを 1 つだけ書いてください",
	},
	"format.step_empty": {
		English:  "step %q has no text",
		Japanese: "ステップ %q に本文がありません",
	},
	"format.part_missing": {
		English:  "exercise %q has no {%s} part",
		Japanese: "演習 %q に {%s} パートがありません",
	},
	"format.yaml": {
		English:  "YAML: %s",
		Japanese: "YAML の誤り：%s",
	},
	"format.front_missing": {
		English:  "the file must start with front matter: a \"---\" line, then id, title and summary, then \"---\"",
		Japanese: "ファイルはフロントマターで始めてください：\"---\" の行、id・title・summary、もう一度 \"---\" の行",
	},
	"format.front_unclosed": {
		English:  "the front matter has no closing \"---\" line",
		Japanese: "フロントマターを閉じる \"---\" の行がありません",
	},
	"format.front_fields": {
		English:  "the front matter must be YAML fields: id, title and summary",
		Japanese: "フロントマターは id・title・summary の YAML フィールドで書いてください",
	},
	"format.front_value": {
		English:  "front matter field %s must be a non-empty text",
		Japanese: "フロントマターの %s は空でない文字列にしてください",
	},
	"format.front_unknown": {
		English:  "unknown front matter field %q (the fields are id, title and summary)",
		Japanese: "フロントマターに不明なフィールド %q があります（使えるのは id・title・summary）",
	},
	"format.front_required": {
		English:  "the front matter has no %s",
		Japanese: "フロントマターに %s がありません",
	},
	"format.front_id_file": {
		English:  "id %q must equal the file name without .md (%q)",
		Japanese: "id %q はファイル名から .md を除いたもの（%q）と同じにしてください",
	},
	"format.front_id_form": {
		English:  "lesson id %q must be a two-digit number, a hyphen and a slug, like 01-keys-and-values",
		Japanese: "レッスン ID %q は 2 桁の番号・ハイフン・スラッグの形にしてください（例：01-keys-and-values）",
	},
	"format.checks_list": {
		English:  "the {check} part must hold a YAML list of checks (\"- last: ...\")",
		Japanese: "{check} パートにはチェックの YAML リスト（\"- last: ...\"）を書いてください",
	},
	"format.check_item": {
		English:  "each check must be a mapping such as \"- rows: {...}\"",
		Japanese: "各チェックは \"- rows: {...}\" のようなマッピングにしてください",
	},
	"format.check_message": {
		English:  "message must be a text",
		Japanese: "message は文字列にしてください",
	},
	"format.check_two_kinds": {
		English:  "one list item holds two checks (%s and %s): start each with its own \"-\"",
		Japanese: "1 つのリスト項目に 2 つのチェック（%s と %s）があります。それぞれ \"-\" で始めてください",
	},
	"format.check_kind": {
		English:  "unknown check kind %q (the kinds are %s)",
		Japanese: "不明なチェックの種類 %q です（使える種類：%s）",
	},
	"format.check_no_kind": {
		English:  "this check has no kind (the kinds are %s)",
		Japanese: "このチェックには種類がありません（使える種類：%s）",
	},
	"format.check_spec": {
		English:  "the fields of a %s check must be a mapping",
		Japanese: "%s チェックのフィールドはマッピングで書いてください",
	},
	"format.check_field_duplicate": {
		English:  "field %s is given twice",
		Japanese: "フィールド %s が 2 回書かれています",
	},
	"format.field_required": {
		English:  "a %s check needs %s",
		Japanese: "%s チェックには %s が必要です",
	},
	"format.field_unknown": {
		English:  "a %s check has no field %q (its fields are %s)",
		Japanese: "%s チェックにフィールド %q はありません（使えるフィールド：%s）",
	},
	"format.field_type": {
		English:  "field %s of a %s check must be %s",
		Japanese: "%[2]s チェックのフィールド %[1]s は%[3]sにしてください",
	},
	"format.field_cql": {
		English:  "field %s does not parse as CQL: %s",
		Japanese: "フィールド %s を CQL として解釈できません：%s",
	},
	"format.field_statement": {
		English:  "field %s must be %s",
		Japanese: "フィールド %s は%sにしてください",
	},
	"format.field_consistency": {
		English:  "unknown consistency level %q",
		Japanese: "不明な一貫性レベル %q です",
	},
	"format.field_class": {
		English:  "unknown error class %q (for example InvalidRequest, SyntaxException, Unavailable, AlreadyExists)",
		Japanese: "不明なエラークラス %q です（例：InvalidRequest、SyntaxException、Unavailable、AlreadyExists）",
	},
	"format.field_dataset": {
		English:  "unknown dataset %q (the datasets are %s)",
		Japanese: "不明なデータセット %q です（使えるデータセット：%s）",
	},
	"format.field_direction": {
		English:  "clustering column %q: the order must be ASC or DESC",
		Japanese: "クラスタリング列 %q の順序は ASC か DESC にしてください",
	},
	"format.field_bounds": {
		English:  "field %s: min is larger than max",
		Japanese: "フィールド %s の min が max より大きくなっています",
	},
	"format.last_conflict": {
		English:  "a last check cannot expect both an error and rows, a trace or collection tombstones (a failed statement returns and writes nothing)",
		Japanese: "last チェックで、エラーと行・トレース・コレクションのトゥームストーンを同時に期待することはできません（失敗した文は何も返さず、何も書き込みません）",
	},
	"type.text": {
		English:  "a text",
		Japanese: "文字列",
	},
	"type.texts": {
		English:  "a text or a list of texts",
		Japanese: "文字列か文字列のリスト",
	},
	"type.bool": {
		English:  "true or false",
		Japanese: "true か false",
	},
	"type.count": {
		English:  "a number or {min: N, max: N}",
		Japanese: "数値か {min: N, max: N}",
	},
	"type.rows": {
		English:  "a list of rows, each a list of values (quote values such as \"{a, b}\")",
		Japanese: "行のリスト（各行は値のリスト。\"{a, b}\" のような値は引用符で囲む）",
	},
	"type.columns": {
		English:  "a mapping of column names to types",
		Japanese: "列名から型へのマッピング",
	},
	"type.positive": {
		English:  "a positive whole number",
		Japanese: "正の整数",
	},
	"stmt.select": {
		English:  "a SELECT statement",
		Japanese: "SELECT 文",
	},
	"stmt.data": {
		English:  "a SELECT, INSERT, UPDATE, DELETE or BATCH statement",
		Japanese: "SELECT・INSERT・UPDATE・DELETE・BATCH のいずれかの文",
	},
}
