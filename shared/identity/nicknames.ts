// The curated nickname table: diminutives and spelling variants of a given name mapped to one form.

// Each line is `canonical: variant variant …`, all folded (lower-case ASCII for Latin names).
// Principles:
// - diminutives (Bill, Peggy, Paco, Sasha) and spelling or transliteration variants of one name
//   (Catherine/Kathryn, Aleksandr/Alexander, Steven/Stephen) map to one form;
// - translations (Pedro ↔ Peter, Giovanni ↔ John, Mikhail ↔ Michael) do not: a person rarely
//   switches between them, and merging them would only manufacture namesakes;
// - a diminutive shared by a male and a female name (Alex, Sam, Pat, Fran, Chris) puts both names
//   in one group, so "Alex Smith" is ambiguous between Alexander and Alexandra Smith and goes to
//   review instead of silently picking one of them;
// - diminutives with many unrelated sources (Al, Bert, Jan, Mel, Flo, Leo) are left alone;
// - every name appears on one line only (the tests check this).
const TABLE = `
william: bill billy billie will willy willie liam wil wills
robert: bob bobby bobbie rob robbie robby robb rab rabbie
richard: dick dickie dicky rick ricky rickey rich richie ritchie
elizabeth: liz lizzie lizzy liza eliza beth betsy betsey betty bette bess bessie libby elspeth lisbeth elisabeth elisabet liesl lisl lilibet
elisabetta: betta
michael: mike mikey mick micky mickey mikael mickael
mikhail: misha mischa
james: jim jimmy jimmie jamie jem jimbo
katherine: kate katie katy kathy kathie cathy cathie kat kath kathryn catherine katharine kathrine katharina katarina catharine kitty kittie katja kathi
katarzyna: kasia
ekaterina: katya yekaterina
thomas: tom tommy tommie thom tomek
margaret: peggy peg maggie meg marge margie madge mags margarete margareta greta gretchen gretel margot margo
malgorzata: gosia
john: jack johnny johnnie jock
jonathan: jon jonny jonnie jonty
johannes: hans hannes johann
johanna: joke hanne
joseph: joe joey josef jozef sepp seppi jupp
jose: pepe pepito chepe
josefa: pepa
giuseppe: beppe peppe peppino
giuseppina: pina
francis: frank frankie fran frances franny frannie
francisco: paco pancho curro quico
francisca: paquita
francesco: ciccio cecco
alexander: alex alec alek aleks alexandr aleksandr aleksander aleksandar xander sasha sascha sacha sandy sanya shura alexandra aleksandra lexie
alessandro: sandro
christopher: chris kris christoph christophe kristopher cristopher topher christina christine kristina kristine cristina chrissy chrissie
krzysztof: krzys
samuel: sam sammy sammie samantha
patrick: pat paddy patty patti patsy patricia tricia trish trisha
anthony: tony antony ant
antonia: toni
antonio: tono tonio tonino
andrew: andy drew
andrei: andrey andrej
andreas: andi
daniel: dan danny dannie
daniela: dani danielle daniella
david: dave davey davy
edward: ed eddie eddy ted teddy ned
eduardo: lalo
eduard: edik
theodore: theo
henry: hank harry henri
hendrik: henk
benjamin: ben benny benji benjy benni
matthew: matt matty mat mathew
matthias: mathias matze
nicholas: nick nicky nickie nico niko nicolas nikolas
nikolai: kolya nikolay
nikolaus: klaus
nicolaas: klaas
nicole: nikki nicki niki
stephen: steve stevie steven stevo
stephanie: steph stephie steffi stefanie
charles: charlie chuck chas chaz charley
karl: kalle
charlotte: lottie lotte lotta
louis: lou louie
louise: lulu louisa
luis: lucho
luigi: gigi
joshua: josh
jacob: jake jakob jakub kuba
yakov: yasha
zachary: zach zack zak zac zachariah
timothy: tim timmy
kenneth: ken kenny
ronald: ron ronnie ronny
donald: don donnie donny
gerald: gerry jerry
gerhard: gerd
jeremy: jeremiah
lawrence: larry laurence lawrie
lars: lasse
leonard: len lenny
raymond: ray
walter: walt wally
albert: albie
alfred: alf alfie
frederick: fred freddie freddy frederik fredrik frederic
friedrich: fritz
arthur: art artie
eugene: gene
vincent: vince vinnie vinny
vincenzo: enzo
gregory: greg gregg
jeffrey: jeff jeffery jeffry geoffrey geoff
philip: phil phillip pip
philippa: pippa
filippo: pippo
peter: pete petey
pieter: piet
piotr: piotrek
pyotr: petya
per: pelle
paul: paulie
douglas: doug dougie
howard: howie
herbert: herb herbie
isaac: ike
kevin: kev
victor: vic
viktor: vitya
nathan: nate nat nathaniel nathanael
gabriel: gabe
gabriella: gabby gabbie gabi gaby gabriela gabrielle
maximilian: max maxi
joanna: jo joanne joann
josephine: josie
susan: sue susie suzy suzie susanne suzanne susi
deborah: debbie debby deb debra
rebecca: becky becca bex
jennifer: jenny jen jenn jenni jennie
jessica: jess jessie jessi
victoria: vicky vicki vickie tori tory
amanda: mandy
barbara: barb barbie babs basia
dorothy: dot dottie dolly
eleanor: ellie nell nellie elinor
abigail: abby abbie
alan: allan allen
alison: allison allyson
alice: allie ally
caroline: carrie caro carolyn
cynthia: cindy
judith: judy jude
kimberly: kim kimmy kimberley
pamela: pam pammy
teresa: terri teri tess tessa tessie theresa therese resi tere
terence: terry terrance terrence
valerie: val
virginia: ginny ginger
veronica: ronni roni
gwendolyn: gwen wendy
mary: molly polly mae mamie
maria: masha marusya
anna: anya annie ann anne anika anneke
natalia: natasha tasha natalie nathalie
daria: dasha
anastasia: nastya
tatiana: tanya tania tatyana
olga: olya
svetlana: sveta
lyudmila: lyuda
galina: galya
ksenia: ksyusha kseniya
nadezhda: nadya
valentina: valya
dmitry: dima dmitri dmitriy
vladimir: volodya vova
sergei: seryozha sergey serghei
alexei: alyosha lyosha aleksei aleksey alexey
ivan: vanya
konstantin: kostya
evgeny: zhenya yevgeny evgeni evgenii
pavel: pasha
yuri: yura yury iouri
boris: borya
grigory: grisha grigori
anatoly: tolya tolik
leonid: lyonya
fyodor: fedya
stanislav: stas
georgy: zhora
roman: roma
guillermo: memo
enrique: quique kike
ignacio: nacho
dolores: lola loli
concepcion: concha conchita
consuelo: chelo
pilar: pili
jesus: chucho chuy
guadalupe: lupe
emmanuel: manu manuel manolo manny emanuel emanuele
rafael: rafa raphael
fernando: nando
rosario: charo
rodrigo: rodri
santiago: santi
salvatore: toto turi
domenico: mimmo
giovanni: gianni nanni
federico: fede
ulrich: uli
wolfgang: wolfi
bernhard: bernd
bernard: bernie
barnabas: barney
sebastian: seb basti bastian sebastien
florian: flori
tobias: toby tobi
abraham: abe abram bram
augustus: gus gussie
august: augie
bartholomew: bart
bartlomiej: bartek
wojciech: wojtek
stanislaw: staszek
jerzy: jurek
zofia: zosia
cornelis: kees
willem: wim
nils: nisse
yosef: yossi
yitzhak: itzik
shmuel: shmulik
avraham: avi
stuart: stewart stu
mitchell: mitch
randall: randy randal
rodney: rod
russell: russ rusty
sidney: sid syd sydney
solomon: sol
stanley: stan
thaddeus: tad thad
wesley: wes
wilfred: wilf
oliver: ollie olly olli
oswald: ozzie
percival: percy
reginald: reg reggie
reuben: rube
montgomery: monty
mortimer: morty
norman: norm
leslie: lesley les
marvin: marv
archibald: archie
calvin: cal
cameron: cam
chester: chet
clifford: cliff
clinton: clint
curtis: curt
dominic: dom dominick dominik
edmund: edmond
ernest: ernie
ezekiel: zeke
gilbert: gil
gordon: gordie
harold: harald
malcolm: mal
mark: marc
martin: marty
roger: rog
vernon: vern
agnes: aggie
angela: angie
beatrice: bea trixie beatrix
bridget: biddy bridie brigid
cassandra: cassie cass
cecilia: cissy cecily
constance: connie
diana: di
edith: edie
emily: emmy emilie
esther: essie
evelyn: evie
florence: flossie
gertrude: gertie trudy trudi
harriet: hattie
henrietta: etta hetty
isabella: bella izzy isabel isabelle isobel issy
jacqueline: jackie jacqui jacky
jane: janie jayne
laura: laurie
lillian: lily lillie lil
madeline: maddie maddy madeleine madelyn
magdalena: magda
martha: mattie
matilda: tilly tillie mathilda mathilde
melissa: missy
mildred: millie
olivia: liv livvy
penelope: penny
priscilla: cilla prissy
prudence: prue pru
rose: rosie
sarah: sally sadie sara
sophia: sophie sofia sofie
winifred: winnie
`;

function parseTable(table: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of table.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const canonical = line.slice(0, colon).trim();
    map.set(canonical, canonical);
    for (const variant of line.slice(colon + 1).trim().split(/\s+/)) if (variant !== '') map.set(variant, canonical);
  }
  return map;
}

const NICKNAMES = parseTable(TABLE);

/** The canonical form of a folded given name (`bill` → `william`); the name itself when not listed. */
export function canonicalGivenName(folded: string): string {
  return NICKNAMES.get(folded) ?? folded;
}

/** Every line of the table as [canonical, variants], for tests and for explaining a match. */
export function nicknameGroups(): [string, string[]][] {
  return TABLE.split('\n')
    .filter((line) => line.includes(':'))
    .map((line) => {
      const [canonical, variants] = line.split(':');
      return [canonical.trim(), variants.trim().split(/\s+/).filter((v) => v !== '')];
    });
}
