package lessons

// checkMessages are the messages of failed checks, shown to learners.
var checkMessages = messageTable{
	"count.partition": {
		English:  "%s partition|%s partitions",
		Japanese: "%s 個",
	},
	"count.node": {
		English:  "%s node|%s nodes",
		Japanese: "%s 台",
	},
	"count.row": {
		English:  "%s row|%s rows",
		Japanese: "%s 行",
	},
	"count.round_trip": {
		English:  "%s Paxos round trip|%s Paxos round trips",
		Japanese: "%s 回",
	},
	"count.batchlog_write": {
		English:  "%s batch log write|%s batch log writes",
		Japanese: "%s 回",
	},
	"count.replica": {
		English:  "%s replica|%s replicas",
		Japanese: "%s 台",
	},
	"count.hint": {
		English:  "%s hint|%s hints",
		Japanese: "%s 件",
	},
	"count.collection_tombstone": {
		English:  "%s collection tombstone|%s collection tombstones",
		Japanese: "%s 個",
	},
	"count.column": {
		English:  "%s column|%s columns",
		Japanese: "%s 列",
	},
	"count.plain": {
		English:  "%s",
		Japanese: "%s",
	},
	"bound.max": {
		English:  "at most %s",
		Japanese: "%s以下",
	},
	"bound.min": {
		English:  "at least %s",
		Japanese: "%s以上",
	},
	"bound.range": {
		English:  "between %s and %s",
		Japanese: "%s〜%s",
	},
	"list.none": {
		English:  "none",
		Japanese: "なし",
	},
	"subject.last": {
		English:  "your last statement",
		Japanese: "最後に実行した文",
	},
	"subject.statement": {
		English:  "the statement \"%s\"",
		Japanese: "文「%s」",
	},
	"last.none": {
		English:  "expected you to run a CQL statement first; you have not run one in this exercise yet",
		Japanese: "まず CQL 文を実行してください。この演習ではまだ何も実行していません",
	},
	"last.contains": {
		English:  "expected your last statement to contain %q; it was: %s",
		Japanese: "最後に実行した文に %q が含まれていません。実行した文：%s",
	},
	"last.no_rows": {
		English:  "expected a SELECT that returns rows; your last statement returns none: %s",
		Japanese: "行を返す SELECT を期待していますが、最後に実行した文は行を返しません：%s",
	},
	"last.no_trace": {
		English:  "your last statement has no trace to look at: %s",
		Japanese: "最後に実行した文にはトレースがありません：%s",
	},
	"error.any": {
		English:  "an error",
		Japanese: "エラー",
	},
	"error.class_contains": {
		English:  "%s mentioning %q",
		Japanese: "%[2]q を含む %[1]s",
	},
	"error.succeeded": {
		English:  "expected %s to fail with %s; it succeeded",
		Japanese: "%sは %s で失敗するはずですが、成功しました",
	},
	"error.wrong_class": {
		English:  "expected %s to fail with %s; it failed with %s: %s",
		Japanese: "%sは %s で失敗するはずですが、%s で失敗しました：%s",
	},
	"error.message": {
		English:  "expected the error message to mention %q; it says: %s",
		Japanese: "エラーメッセージに %q が含まれるはずですが、実際のメッセージは次のとおりです：%s",
	},
	"error.failed": {
		English:  "expected %s to succeed; it failed with %s: %s",
		Japanese: "%sは成功するはずですが、%s で失敗しました：%s",
	},
	"query.failed": {
		English:  "the check's query \"%s\" failed with %s: %s",
		Japanese: "チェック用のクエリ「%s」が %s で失敗しました：%s",
	},
	"rows.query": {
		English:  "for %s, %s",
		Japanese: "「%s」について、%s",
	},
	"rows.count": {
		English:  "expected %s; the result has %s",
		Japanese: "結果は %sのはずですが、%sでした",
	},
	"rows.columns": {
		English:  "expected rows of %s; the result has %s (%s)",
		Japanese: "各行は %sのはずですが、結果は %sです（%s）",
	},
	"rows.order": {
		English:  "the rows are right but in the wrong order: expected %s; saw %s",
		Japanese: "行の内容は合っていますが、順序が違います。期待：%s、実際：%s",
	},
	"rows.mismatch": {
		English:  "expected %s: %s; saw %s: %s",
		Japanese: "結果は %s（%s）のはずですが、実際は %s（%s）でした",
	},
	"rows.none": {
		English:  "no rows",
		Japanese: "行なし",
	},
	"rows.more": {
		English:  "... (%d more)",
		Japanese: "...（ほか %d 行）",
	},
	"writes.too_many": {
		English:  "expected your last statement to write %s; it wrote %s, because it overwrote or deleted the whole of %s. Change single elements instead: %s",
		Japanese: "最後に実行した文が書き込むコレクションのトゥームストーンは %sのはずですが、%s書き込みました（%s の全体を上書きまたは削除しています）。要素単位で変更してください。例：%s",
	},
	"writes.too_few": {
		English:  "expected your last statement to write %s; it wrote %s (it overwrote or deleted no whole collection): %s",
		Japanese: "最後に実行した文が書き込むコレクションのトゥームストーンは %sのはずですが、%sでした（コレクション全体の上書きも削除もしていません）：%s",
	},
	"writes.too_few_some": {
		English:  "expected your last statement to write %s; it wrote %s (overwriting or deleting the whole of %s)",
		Japanese: "最後に実行した文が書き込むコレクションのトゥームストーンは %sのはずですが、%sでした（%s の全体を上書きまたは削除しています）",
	},
	"writes.unknown": {
		English:  "cannot tell what your last statement wrote (%s): %s",
		Japanese: "最後に実行した文（%s）が何を書き込んだのか判断できません：%s",
	},
	"writes.elements_map": {
		English:  "%[1]s['key'] = value, %[1]s = %[1]s + {'key': value}, %[1]s = %[1]s - {'key'} or DELETE %[1]s['key'] FROM ...",
		Japanese: "%[1]s['キー'] = 値、%[1]s = %[1]s + {'キー': 値}、%[1]s = %[1]s - {'キー'}、DELETE %[1]s['キー'] FROM ...",
	},
	"writes.elements_set": {
		English:  "%[1]s = %[1]s + {element} or %[1]s = %[1]s - {element}",
		Japanese: "%[1]s = %[1]s + {要素}、%[1]s = %[1]s - {要素}",
	},
	"writes.elements_list": {
		English:  "%[1]s[index] = value, %[1]s = %[1]s + [element], %[1]s = %[1]s - [element] or DELETE %[1]s[index] FROM ...",
		Japanese: "%[1]s[インデックス] = 値、%[1]s = %[1]s + [要素]、%[1]s = %[1]s - [要素]、DELETE %[1]s[インデックス] FROM ...",
	},
	"writes.elements_udt": {
		English:  "%[1]s.field = value or DELETE %[1]s.field FROM ...",
		Japanese: "%[1]s.フィールド = 値、DELETE %[1]s.フィールド FROM ...",
	},
	"trace.read": {
		English:  "expected the query to read %s; it read %s (nodes contacted: %d)",
		Japanese: "このクエリが読むパーティションは %sのはずですが、%s読みました（問い合わせたノード：%d 台）",
	},
	"trace.write": {
		English:  "expected the statement to write %s; it wrote %s (nodes contacted: %d)",
		Japanese: "この文が書き込むパーティションは %sのはずですが、%sに書き込みました（問い合わせたノード：%d 台）",
	},
	"trace.nodes": {
		English:  "expected the statement to involve %s; it involved %s (%s)",
		Japanese: "関わるノードは %sのはずですが、%sでした（%s）",
	},
	"trace.rows_scanned": {
		English:  "expected the query to scan %s; it scanned %s and returned %d",
		Japanese: "スキャンする行は %sのはずですが、%sスキャンして %d 行を返しました",
	},
	"trace.rows_returned": {
		English:  "expected the query to return %s; it returned %s",
		Japanese: "返す行は %sのはずですが、%s返しました",
	},
	"trace.full_scan": {
		English:  "expected the query to scan the whole table; it did not (it read %s)",
		Japanese: "テーブル全体をスキャンするクエリのはずですが、そうなっていません（読んだパーティション：%s）",
	},
	"trace.no_full_scan": {
		English:  "expected the query not to scan the whole table; it did: it read %s on %s",
		Japanese: "テーブル全体をスキャンしないクエリのはずですが、フルスキャンになりました（パーティション %s、ノード %s）",
	},
	"trace.filtering": {
		English:  "expected the query to filter rows (read them, then drop those that do not match); it did not",
		Japanese: "行をフィルタリングする（読んでから条件に合わない行を捨てる）クエリのはずですが、そうなっていません",
	},
	"trace.no_filtering": {
		English:  "expected the query not to filter rows; it read %d rows and returned only %d",
		Japanese: "行をフィルタリングしないクエリのはずですが、%d 行を読んで %d 行だけを返しました",
	},
	"trace.paxos": {
		English:  "expected the statement to make %s; it made %s",
		Japanese: "Paxos のラウンドトリップは %sのはずですが、%sでした",
	},
	"trace.batchlog": {
		English:  "expected the statement to make %s; it made %s",
		Japanese: "バッチログへの書き込みは %sのはずですが、%sでした",
	},
	"trace.read_repairs": {
		English:  "expected read repair to fix %s; it fixed %s",
		Japanese: "リードリペアで修復されるレプリカは %sのはずですが、%sでした",
	},
	"trace.hints": {
		English:  "expected the coordinator to store %s for down nodes; it stored %s",
		Japanese: "ダウンしたノード宛てに保存されるヒントは %sのはずですが、%sでした",
	},
	"schema.no_table": {
		English:  "expected a table %s in keyspace %s; there is none (tables: %s)",
		Japanese: "キースペース %[2]s にテーブル %[1]s があるはずですが、見つかりません（あるテーブル：%[3]s）",
	},
	"schema.partition_key": {
		English:  "expected the partition key (%s); your table has (%s)",
		Japanese: "パーティションキーは (%s) のはずですが、テーブルでは (%s) です",
	},
	"schema.clustering": {
		English:  "expected the clustering columns (%s); your table has (%s)",
		Japanese: "クラスタリング列は (%s) のはずですが、テーブルでは (%s) です",
	},
	"schema.static": {
		English:  "expected the static columns (%s); your table has (%s)",
		Japanese: "static カラムは (%s) のはずですが、テーブルでは (%s) です",
	},
	"schema.no_column": {
		English:  "expected a column %s of type %s; your table has none by that name",
		Japanese: "型 %[2]s の列 %[1]s があるはずですが、その名前の列がありません",
	},
	"schema.column_type": {
		English:  "expected column %s to be of type %s; it is %s",
		Japanese: "列 %s の型は %s のはずですが、%s です",
	},
	"distribution.no_table": {
		English:  "cannot look at the distribution of %s: %s",
		Japanese: "%s の分布を調べられません：%s",
	},
	"distribution.skew": {
		English:  "expected a skew (largest node / mean) of %s; it is %.2f: node%d owns %d of %d rows",
		Japanese: "偏り（スキュー、最大ノード / 平均）は %[1]sのはずですが、%.2[2]f です。node%[3]d が %[5]d 行中 %[4]d 行を持っています",
	},
	"distribution.empty": {
		English:  "expected data in %s to measure how it spreads; the table is empty",
		Japanese: "分布を調べるには %s にデータが必要ですが、テーブルが空です",
	},
	"distribution.partitions": {
		English:  "expected the table to hold %s; it holds %s",
		Japanese: "テーブルのパーティション数は %sのはずですが、%sです",
	},
	"distribution.rows": {
		English:  "expected the table to hold %s; it holds %s",
		Japanese: "テーブルの行数は %sのはずですが、%sです",
	},
	"distribution.largest": {
		English:  "expected the largest partition to hold %s; partition %s holds %s",
		Japanese: "最大のパーティションの行数は %sのはずですが、パーティション %s には %sあります",
	},
	"patterns.load": {
		English:  "could not load dataset %s into table %s: %s",
		Japanese: "データセット %s をテーブル %s に読み込めませんでした：%s",
	},
	"patterns.failed": {
		English:  "access pattern %d (%s) fails with %s: %s%s",
		Japanese: "アクセスパターン %d（%s）が %s で失敗しました：%s%s",
	},
	"patterns.partitions": {
		English:  "access pattern %d (%s) reads %s; each access pattern must be served by exactly one partition%s",
		Japanese: "アクセスパターン %d（%s）は %sのパーティションを読みます。各アクセスパターンはちょうど 1 つのパーティションで処理できなければなりません%s",
	},
	"patterns.dataset": {
		English:  " (checked with %d rows of dataset %s loaded)",
		Japanese: "（データセット %[2]s を %[1]d 行読み込んで確認）",
	},
}
