package lessons

// validateMessages are the messages of `learnkv lessons check` and
// `learnkv lessons list`, for lesson authors.
var validateMessages = messageTable{
	"lang.en": {
		English:  "English",
		Japanese: "英語",
	},
	"lang.ja": {
		English:  "Japanese",
		Japanese: "日本語",
	},
	"kind.step": {
		English:  "step",
		Japanese: "ステップ",
	},
	"kind.exercise": {
		English:  "exercise",
		Japanese: "演習",
	},
	"kind.a_step": {
		English:  "a step",
		Japanese: "ステップ",
	},
	"kind.an_exercise": {
		English:  "an exercise",
		Japanese: "演習",
	},
	"validate.no_lessons": {
		English:  "no lessons: %s/ holds no .md files",
		Japanese: "レッスンがありません：%s/ に .md ファイルがありません",
	},
	"validate.missing_translation": {
		English:  "this lesson has no %s version: %s is missing",
		Japanese: "このレッスンには%s版がありません：%s が見つかりません",
	},
	"validate.missing_item": {
		English:  "%s %q (%s) is missing here",
		Japanese: "%s %q（%s）がこのファイルにありません",
	},
	"validate.extra_item": {
		English:  "%s %q is not in %s",
		Japanese: "%s %q は %s にありません",
	},
	"validate.item_kind": {
		English:  "%q is %s here but %s in %s",
		Japanese: "%[1]q はここでは%[2]sですが、%[4]s では%[3]sです",
	},
	"validate.item_order": {
		English:  "the steps and exercises are in a different order than in %s (%s)",
		Japanese: "ステップと演習の順序が %s と異なります（%s）",
	},
	"validate.hints": {
		English:  "exercise %[1]q has a different number of hints here (%[2]d) than in %[4]s (%[3]d)",
		Japanese: "演習 %[1]q のヒントはここでは %[2]d 個ですが、%[4]s では %[3]d 個です",
	},
	"validate.checks_count": {
		English:  "exercise %[1]q has a different number of checks here (%[2]d) than in %[4]s (%[3]d)",
		Japanese: "演習 %[1]q のチェックはここでは %[2]d 個ですが、%[4]s では %[3]d 個です",
	},
	"validate.check_differs": {
		English:  "check %d of exercise %q differs from %s: checks must be identical in every language apart from message",
		Japanese: "演習 %[2]q のチェック %[1]d が %[3]s と異なります。チェックは message 以外、すべての言語で同じにしてください",
	},
	"validate.setup_differs": {
		English:  "the {setup} of exercise %q differs from %s: setup CQL must be identical in every language",
		Japanese: "演習 %q の {setup} が %s と異なります。セットアップの CQL はすべての言語で同じにしてください",
	},
	"validate.solution_differs": {
		English:  "the {solution} of exercise %q differs from %s: solution CQL must be identical in every language",
		Japanese: "演習 %q の {solution} が %s と異なります。解答例の CQL はすべての言語で同じにしてください",
	},
	"validate.sandbox": {
		English:  "cannot open a sandbox to run the exercises: %s",
		Japanese: "演習を実行するサンドボックスを開けません：%s",
	},
	"validate.setup_failed": {
		English:  "the setup of exercise %q fails at \"%s\": %s",
		Japanese: "演習 %q のセットアップが「%s」で失敗します：%s",
	},
	"validate.check_error": {
		English:  "the checks of exercise %q cannot run: %s",
		Japanese: "演習 %q のチェックを実行できません：%s",
	},
	"validate.free_pass": {
		English:  "free pass: exercise %q passes before the learner does anything (add a check that fails from the start state)",
		Japanese: "素通り：演習 %q は学習者が何もしなくても合格します（開始状態では失敗するチェックを加えてください）",
	},
	"validate.solution_fails": {
		English:  "solution does not pass: %s",
		Japanese: "解答例が合格しません：%s",
	},
	"validate.solution_statement": {
		English:  " (solution statement \"%s\" failed with %s: %s)",
		Japanese: "（解答例の文「%s」が %s で失敗しました：%s）",
	},
	"validate.canceled": {
		English:  "validation stopped: %s",
		Japanese: "検証を中断しました：%s",
	},
	"lint.render": {
		English:  "cannot render the Markdown: %s",
		Japanese: "Markdown を表示できません：%s",
	},
	"lint.width": {
		English:  "at width %d a line renders %d cells wide: %q",
		Japanese: "幅 %d で表示すると %d セル幅の行になります：%q",
	},
	"lint.tab": {
		English:  "a tab character renders at an unpredictable width; use spaces: %q",
		Japanese: "タブ文字は表示幅が一定しません。スペースを使ってください：%q",
	},
	"lint.marker": {
		English:  "at width %d the marker %q is left alone on its line, above %q: shorten the text up to its first space, or put a space earlier",
		Japanese: "幅 %d で表示すると、%[3]q の上に記号 %[2]q だけの行ができます。最初のスペースまでの文を短くするか、早めにスペースを入れてください",
	},
	"lint.emphasis": {
		English:  "%q is shown literally because the emphasis does not close (in Japanese write **重要**： rather than **「重要」**)",
		Japanese: "強調が閉じていないため %q がそのまま表示されます（**「重要」** ではなく **重要**： と書いてください）",
	},
	"cli.ok": {
		English:  "ok: %d lessons, %d exercises, %d checks in %s",
		Japanese: "問題なし：レッスン %[1]d 個、演習 %[2]d 個、チェック %[3]d 個（%[4]s）",
	},
	"cli.problems": {
		English:  "%s problem|%s problems",
		Japanese: "問題が %s 件あります",
	},
	"cli.exercises": {
		English:  "%d exercises",
		Japanese: "演習 %d 個",
	},
}
