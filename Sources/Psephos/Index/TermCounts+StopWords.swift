extension TermCounts {
  /// English function words left out of term counts and keyness: articles, pronouns,
  /// auxiliaries and modals, prepositions, conjunctions, common adverbs of degree and time, their
  /// contractions (with a straight apostrophe; curly ones fold to it) and the titles Mr, Mrs, Ms,
  /// Dr. Content words (nouns, verbs, adjectives) are never on it, so a stop word cannot hide
  /// what a document is about.
  public static let stopWords: [String] = [
    // Articles and determiners.
    "a", "an", "the", "this", "that", "these", "those", "some", "any", "each", "every", "either",
    "neither", "no", "other", "another", "such", "same", "own", "all", "both", "few", "more",
    "most", "much", "many", "several", "less", "least",
    // Pronouns.
    "i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your",
    "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers",
    "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "one",
    "who", "whom", "whose", "which", "what", "whatever", "whoever", "something", "anything",
    "nothing", "everything", "someone", "anyone", "everyone",
    // Auxiliaries and modals.
    "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having",
    "do", "does", "did", "doing", "done", "will", "would", "shall", "should", "can", "could",
    "cannot", "may", "might", "must", "ought",
    // Contractions.
    "i'm", "i've", "i'd", "i'll", "you're", "you've", "you'd", "you'll", "he's", "he'd", "he'll",
    "she's", "she'd", "she'll", "it's", "it'd", "it'll", "we're", "we've", "we'd", "we'll",
    "they're", "they've", "they'd", "they'll", "that's", "there's", "here's", "what's", "who's",
    "let's", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't",
    "don't", "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "couldn't",
    "mustn't", "mightn't", "needn't",
    // Prepositions.
    "about", "above", "across", "after", "against", "along", "among", "amongst", "around", "as",
    "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond",
    "by", "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like",
    "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since",
    "through", "throughout", "till", "to", "toward", "towards", "under", "underneath", "until",
    "up", "upon", "via", "with", "within", "without",
    // Conjunctions and connectives.
    "and", "but", "or", "nor", "so", "yet", "if", "because", "although", "though", "while",
    "whilst", "whereas", "whether", "unless", "than", "then", "however", "therefore", "thus",
    "hence", "also", "else", "instead", "indeed",
    // Adverbs of place, time and degree.
    "here", "there", "where", "when", "why", "how", "now", "again", "once", "ever", "never",
    "always", "often", "still", "already", "just", "only", "even", "very", "too", "quite",
    "rather", "really", "almost", "perhaps", "not", "further", "furthermore", "moreover",
    "whenever", "wherever", "etc",
    // Titles.
    "mr", "mrs", "ms", "dr",
  ]
}
